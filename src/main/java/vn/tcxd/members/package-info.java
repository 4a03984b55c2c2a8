/**
 * Party members: the record sheet (phiếu đảng viên), lifecycle events with decisions (admission,
 * recognition, transfer, exemption, discipline, removal, exit, death, re-admission), each member's
 * unit and status as at any date, the legal deadlines on working days, party age and badges, and
 * the due-work queue. Filters by subtree through OrgScope; never writes the tree. Listens to
 * orgstructure's UnitsReorganised: members follow a merged, consolidated or split cell into its
 * successor, and a unit with members on its roll cannot be dissolved.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "calendar", "orgstructure", "security"})
package vn.tcxd.members;
