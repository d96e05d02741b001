//! Bytes → page: BOM/CR normalisation (keeping original line numbers), front
//! matter, sections by heading name, GFM tables with repairs, annotations,
//! code blocks, lenient JSON.
