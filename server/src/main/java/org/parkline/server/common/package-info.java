/** What every capability shares: problem details, idempotency, ids, the clock, plate protection, the database. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.parkline.server.common;
