/** The Exchange knowledge base: builds, updates, the CVEs each fixes, and what a build is exposed to. */
package org.exhunt.kb;
