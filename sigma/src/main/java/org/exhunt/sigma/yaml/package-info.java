/**
 * YAML read into a small positioned tree ({@link org.exhunt.sigma.yaml.YNode}), so that every later stage can
 * say on which line of which file a problem is. The only place that knows the YAML library.
 */
package org.exhunt.sigma.yaml;
