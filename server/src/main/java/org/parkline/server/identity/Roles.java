package org.parkline.server.identity;

/** Role names as constants, for {@code @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})} on endpoints. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String OPERATOR = "OPERATOR";
    public static final String OFFICER = "OFFICER";
    public static final String ADJUDICATOR = "ADJUDICATOR";
    public static final String ANALYST = "ANALYST";
    public static final String AUDITOR = "AUDITOR";
    public static final String GATE = "GATE";
    public static final String PARKER = "PARKER";

    private Roles() {}
}
