/**
 * Technical platform: the database (embedded PostgreSQL by default, external by configuration),
 * the clock, web layout, internationalisation (Vietnamese first, English second) and error
 * handling for pages (friendly, with a correlation id) and the API (Problem Details).
 * Owns no business tables and knows no business module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package vn.tcxd.platform;
