/**
 * Plates as personal data: retention per data class with a scheduled purge, the data-subject export of one plate,
 * and moving stored plates to the current encryption key. Capabilities that store plates implement
 * {@link org.parkline.server.privacy.PlateRecords}; this package never reads their tables itself.
 */
@org.jspecify.annotations.NullMarked
package org.parkline.server.privacy;
