//! Score extracted types and enums against OData CSDL service metadata.
