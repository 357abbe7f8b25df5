/**
 * Leaflet with the geoman drawing/editing plugin. geoman's bundle reads a global `L`, so the
 * global is set here before the plugin module runs (imports evaluate in order).
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';

(window as unknown as { L: typeof L }).L = L;

export default L;
