// The Reports stage of the rraudit pipeline (see ../shared/design.md).
