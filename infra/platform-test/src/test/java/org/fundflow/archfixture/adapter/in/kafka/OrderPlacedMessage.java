package org.fundflow.archfixture.adapter.in.kafka;

public record OrderPlacedMessage(String id) {}
