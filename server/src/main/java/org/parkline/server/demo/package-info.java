/** Demo data: two lots to try Parkline with, created at start-up when {@code parkline.demo-data} is on. */
@org.jspecify.annotations.NullMarked
package org.parkline.server.demo;
