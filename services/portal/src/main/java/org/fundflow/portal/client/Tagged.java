package org.fundflow.portal.client;

/** A record as a service answered it, with its {@code ETag} (null when the service sent none). */
public record Tagged<T>(T value, String etag) {}
