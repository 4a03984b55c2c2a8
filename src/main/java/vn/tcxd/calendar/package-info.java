/**
 * The holiday calendar (lịch nghỉ lễ, Tết) and working-day arithmetic (ngày làm việc) that every
 * deadline counted in working days uses: members' admission and transfer deadlines, cadres'
 * reappointment notices, report deadlines and inspections. Owns the calendar tables and their
 * administrators' page and API; knows no business module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package vn.tcxd.calendar;
