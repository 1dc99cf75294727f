// The app's entry: registers <fk-admin-app>, which index.html holds.
import './app.js';
