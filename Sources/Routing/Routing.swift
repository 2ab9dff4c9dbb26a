// The Routing stage of the rraudit pipeline (see ../shared/design.md).
