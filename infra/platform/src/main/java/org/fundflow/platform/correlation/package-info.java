/**
 * The correlation id ({@link org.fundflow.platform.application.Correlation}) taken from an HTTP request into the
 * Reactor context, and shown in the log context.
 */
package org.fundflow.platform.correlation;
