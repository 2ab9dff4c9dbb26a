// The Audit stage of the rraudit pipeline (see ../shared/design.md).
