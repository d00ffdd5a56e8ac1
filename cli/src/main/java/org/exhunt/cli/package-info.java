/**
 * The command line, and the only module that knows about it: {@link org.exhunt.cli.Main} and one small
 * picocli command per subcommand, each handing its work to an engine module.
 */
package org.exhunt.cli;
