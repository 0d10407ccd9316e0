package org.parkline.client;

/**
 * A change to one spot ({@code PUT /v1/spots/{id}}), e.g. taking it out of service.
 *
 * @param status the new status: {@link SpotStatus#OUT_OF_SERVICE} or {@link SpotStatus#AVAILABLE}
 * @param type the spot's type (may change it, e.g. after re-marking)
 */
public record SpotUpdate(SpotStatus status, SpotType type) {}
