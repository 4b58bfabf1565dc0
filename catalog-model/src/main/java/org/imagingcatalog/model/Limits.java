package org.imagingcatalog.model;

/** The contract's size limits, shared by every form, API and event schema. */
public final class Limits {

    public static final int ID_MIN = 3;
    public static final int ID_MAX = 80;
    public static final int NAME_MAX = 200;
    public static final int URL_MAX = 2000;
    public static final int DESCRIPTION_MAX = 5000;
    public static final int PROVIDER_MAX = 200;
    public static final int LICENSE_MAX = 100;
    public static final int LIST_ITEMS_MAX = 30;
    public static final int LIST_ITEM_MAX = 60;
    public static final int COMMENT_MAX = 5000;
    public static final int MESSAGE_MAX = 5000;
    public static final int REASON_MAX = 2000;
    public static final int SUBMITTER_NAME_MAX = 200;
    public static final int EMAIL_MAX = 254;
    public static final long COUNT_MAX = 1_000_000_000_000L;
    public static final int REQUEST_BODY_MAX_BYTES = 65536;
    public static final int RELATIONS_MAX = 50;
    public static final int IDENTIFIERS_MAX = 20;
    public static final int IDENTIFIER_MAX = 300;
    public static final int NOTE_MAX = 1000;
    public static final int RISK_REASON_MAX = 1000;
    public static final int PROVENANCE_MAX = 100;
    public static final int FIELD_PATH_MAX = 100;
    public static final int VERIFIED_BY_MAX = 200;

    private Limits() {
    }
}
