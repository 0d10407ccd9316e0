/** Who is asking: people with accounts and roles (optionally scoped to lots), devices with per-gate API keys. */
@org.jspecify.annotations.NullMarked
package org.parkline.server.identity;
