/** {@code --collect}: copies of the files findings point to, with a SHA-256 manifest, for the case file. */
package org.exhunt.hunt.collect;
