package org.fundflow.archclean.domain;

import java.util.List;

public record Thing(String id, List<String> tags) {}
