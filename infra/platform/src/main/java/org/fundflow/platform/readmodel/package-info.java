/**
 * Read-side helpers shared by the services' Mongo adapters: the copy of integrity-check's holds on organisations
 * ({@link org.fundflow.platform.readmodel.MongoOrganisationHolds}) and the base of the dashboard figures
 * ({@link org.fundflow.platform.readmodel.StoreFigures}).
 */
package org.fundflow.platform.readmodel;
