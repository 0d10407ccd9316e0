/** Lots, floors, zones, gates and lot settings (timezone, mode, currency, allocation policy). */
@org.jspecify.annotations.NullMarked
package org.parkline.server.lots;
