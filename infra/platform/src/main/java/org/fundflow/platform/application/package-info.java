/**
 * Helpers for the services' application services (HexagonRules allows this package and
 * {@code org.fundflow.platform.domain} in the application ring): Java and Reactor only, no Spring.
 */
package org.fundflow.platform.application;
