package org.parkline.server.lots;

import java.util.Map;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes a lot's settings after it was created, one audited setting at a time. */
@Service
class LotSettings {

    private final JdbcClient jdbc;
    private final LotCatalog catalog;
    private final ApplicationEventPublisher events;

    LotSettings(JdbcClient jdbc, LotCatalog catalog, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.events = events;
    }

    /**
     * Sets which rule-set version prices a stay. Applies to every quote from now on, stays already under way
     * included. Setting the basis the lot already has changes nothing and records nothing.
     */
    @Transactional
    Lot.PricingBasis changePricingBasis(String lotId, Lot.PricingBasis basis) {
        Lot.PricingBasis before = jdbc.sql("select pricing_basis from lot where id = :id for no key update")
                .param("id", lotId)
                .query((rs, n) -> Lot.PricingBasis.valueOf(rs.getString(1)))
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("lot", lotId));
        if (before == basis) return basis;
        jdbc.sql("update lot set pricing_basis = :basis where id = :id")
                .param("basis", basis.name())
                .param("id", lotId)
                .update();
        events.publishEvent(new Audited(
                "lot.updated",
                "lot",
                lotId,
                lotId,
                Map.of("pricingBasis", before.name()),
                Map.of("pricingBasis", basis.name())));
        catalog.forget(lotId);
        return basis;
    }
}
