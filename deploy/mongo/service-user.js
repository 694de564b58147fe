// Runs once, when the database is first created (the image's /docker-entrypoint-initdb.d): the service's
// own user, who may read and write its own database and nothing else. The root user (the env file's
// MONGO_ROOT_PASSWORD) is for the operator and the backup only.
db.getSiblingDB('admin').createUser({
  user: process.env.ANSINH_DB_USER,
  pwd: process.env.ANSINH_DB_PASSWORD,
  roles: [{ role: 'readWrite', db: process.env.ANSINH_DB_NAME }],
});
