/** The IIS W3C extended log reader: records of type {@code iis}, fields named exactly as {@code #Fields} names them. */
package org.exhunt.logs.iis;
