/** A YARA 4.2-compatible engine in pure Java: rule syntax, compilation, scanning, modules. */
package org.exhunt.yara;
