/** Rule-set versions per lot and quoting with the shared pricing engine. */
@org.jspecify.annotations.NullMarked
package org.parkline.server.pricing;
