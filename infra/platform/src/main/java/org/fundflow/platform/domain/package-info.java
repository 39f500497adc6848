/**
 * Pure-Java building blocks every service's domain may use (HexagonRules allows this package in the domain and the
 * application): {@link org.fundflow.platform.domain.Change} — the one aggregate style — and
 * {@link org.fundflow.platform.domain.ConcurrentChange}. Nothing here depends on anything but {@code java.*}.
 */
package org.fundflow.platform.domain;
