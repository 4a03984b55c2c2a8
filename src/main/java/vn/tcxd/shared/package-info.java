/**
 * Shared kernel: decision references, validity periods of rule sets, Vietnamese text and number
 * formatting, the current user's data scope and the audit record every module publishes.
 * Holds no tables and no state; every other module may use it.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.tcxd.shared;
