/**
 * YARA modules: a registry ({@link org.exhunt.yara.modules.Modules}) of {@link org.exhunt.yara.modules.Module}s,
 * each declaring its fields and functions as a {@link org.exhunt.yara.modules.Declaration} tree (what rules may
 * name, type-checked at compile time) and filling a {@link org.exhunt.yara.modules.ObjectValue} tree for each
 * scan. A new module is one class and one line in {@code Modules}. {@code math} and {@code hash} are complete;
 * {@code pe} declares exactly what libyara 4.2.3 declares, so that rules compile as in YARA, and computes
 * {@code is_pe} and its constants (the rest of PE parsing is a later piece of work).
 */
package org.exhunt.yara.modules;
