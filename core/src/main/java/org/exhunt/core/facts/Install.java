package org.exhunt.core.facts;

import java.io.Serializable;

/**
 * Where Exchange is installed on the server.
 *
 * @param path  the install path in Windows form ({@code C:\Program Files\Microsoft\Exchange Server\V15\}), or null
 *              when none was found
 * @param given true when the user gave it ({@code --install-path}), false when the scan found it
 */
public record Install(String path, boolean given) implements Serializable {}
