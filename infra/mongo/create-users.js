// One user per service (and the portal), with readWrite on the service's own database and nothing else. Run once by the
// compose service mongo-init as the root user (mongosh ... create-users.js); the passwords come from its
// environment. Running it again sets the passwords and roles again: rotating a password = change the
// variable, `docker compose up -d` (mongo-init runs again, the services restart with the new URI).
const users = [
  { user: "fundflow_intake", db: "fundflow_intake", password: process.env.MONGO_INTAKE_PASSWORD },
  { user: "fundflow_milestone", db: "fundflow_milestone", password: process.env.MONGO_MILESTONE_PASSWORD },
  { user: "fundflow_subsidy", db: "fundflow_subsidy", password: process.env.MONGO_SUBSIDY_PASSWORD },
  { user: "fundflow_integrity", db: "fundflow_integrity", password: process.env.MONGO_INTEGRITY_PASSWORD },
  { user: "fundflow_portal", db: "fundflow_portal", password: process.env.MONGO_PORTAL_PASSWORD },
];
for (const u of users) {
  if (!u.password) {
    throw new Error("no password for " + u.user + " in the environment");
  }
  const database = db.getSiblingDB(u.db);
  const roles = [{ role: "readWrite", db: u.db }];
  if (database.getUser(u.user)) {
    database.updateUser(u.user, { pwd: u.password, roles: roles });
  } else {
    database.createUser({ user: u.user, pwd: u.password, roles: roles });
  }
  print("mongo-init: user " + u.user + " has readWrite on " + u.db);
}
