/**
 * Log-source routing and field mappings, read from data ({@code rules/mappings/*.yml}): which records a rule's
 * {@code logsource} selects ({@link org.exhunt.sigma.mapping.RecordSpec}) and how the rule's field names read
 * those records ({@link org.exhunt.sigma.mapping.FieldAccess}). The engine itself knows no log format.
 */
package org.exhunt.sigma.mapping;
