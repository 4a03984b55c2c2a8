/**
 * Cadre work (công tác cán bộ): congresses and terms with their committees as at any date, the
 * catalogue of leadership titles and their incumbents (appointment, reappointment, election,
 * designation, nomination, dismissal, resignation, removal), the reappointment and retirement
 * due-work, planning under the QĐ 50/HD 16 and QĐ 377 rule sets with its 3 × 3 caps and age rule,
 * rotation, training and the cadre's file. People are members: it links to the member id and reads
 * members only through its facade and public views; never writes another module's tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "calendar", "orgstructure", "security", "members", "evaluations"})
package vn.tcxd.cadres;
