package org.fundflow.integrity.domain;

public enum HoldStatus { ACTIVE, LIFTED }
