/** File-metadata records (type {@code file}): path, size, times, SHA-256 and first bytes, for path and IOC rules. */
package org.exhunt.logs.file;
