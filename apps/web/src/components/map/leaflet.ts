/**
 * Leaflet alone, for every map that only shows things (the phone's pin map above all): the drawing
 * plugin (Geoman) belongs to the admin's grid editor and is loaded there only (features/grids/geoman.ts).
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';

export default L;
