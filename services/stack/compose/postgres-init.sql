-- One database per service, as on RDS (catalog_db, order_db); run once by the postgres image on first start.
CREATE DATABASE catalog_db;
CREATE DATABASE order_db;
