/** Remote fingerprinting of Exchange servers over the network: version and exposure of many hosts. */
package org.exhunt.probe;
