import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Alert, Button, Input } from 'antd';
import { AimOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { REPORT_LIMITS } from '@gewu/domain';
import { useCurrentUser } from '../../app/session.ts';
import { isGridWorker, useGridLookup } from '../api.ts';
import type { LonLat } from './PinMap.tsx';

// Leaflet alone would be an eighth of the phone's 300 KB budget: the map (with the outlines) loads when
// the user opens it; the place itself is taken from the GPS as the form opens.
const PinMap = lazy(() => import('./PinMap.tsx'));

interface Props {
  value: LonLat | null;
  onChange: (p: LonLat) => void;
  address: string;
  onAddress: (a: string) => void;
  error?: string;
}

const GEO_ERRORS: Record<number, 'denied' | 'unavailable' | 'timeout'> = {
  1: 'denied',
  2: 'unavailable',
  3: 'timeout',
};

/** 位置: the phone's GPS fix (WGS84, as stored) or a pin tapped on the map; the coordinates are shown. */
export function LocationPicker({ value, onChange, address, onAddress, error }: Props) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const worker = isGridWorker(user);
  const lookup = useGridLookup(value, worker);
  const [locating, setLocating] = useState(false);
  const [geoError, setGeoError] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ key: number; point: LonLat } | null>(null);
  const [mapOpen, setMapOpen] = useState(false);

  const locate = () => {
    setGeoError(null);
    if (!('geolocation' in navigator)) {
      setGeoError(t('mobile.location.unsupported'));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        const point = { lon: pos.coords.longitude, lat: pos.coords.latitude };
        onChange(point);
        setFocus({ key: Date.now(), point });
      },
      (err) => {
        setLocating(false);
        setGeoError(t(`mobile.location.${GEO_ERRORS[err.code] ?? 'unavailable'}`));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  };

  // The place is taken as the form opens (the pin can then be moved on the map); only once, and
  // only when nothing is marked yet.
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current || value) return;
    asked.current = true;
    locate();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const gridName = lookup.data ? (lookup.data.grid ? lookup.data.grid.name : null) : undefined;
  return (
    <div>
      <Button
        block
        icon={<AimOutlined />}
        loading={locating}
        onClick={locate}
        className="m-big"
        data-testid="report-locate"
      >
        {t('mobile.location.useCurrent')}
      </Button>
      <p className="m-muted m-hint">{t('mobile.location.tapHint')}</p>
      {mapOpen ? (
        <Suspense fallback={<div className="m-map" data-testid="report-map-loading" />}>
          <PinMap pin={value} onPick={onChange} focus={focus} />
        </Suspense>
      ) : (
        <Button block icon={<EnvironmentOutlined />} onClick={() => setMapOpen(true)} data-testid="report-map-open">
          {t('mobile.location.openMap')}
        </Button>
      )}
      <div className="m-coords" data-testid="report-coords">
        <EnvironmentOutlined />{' '}
        {value
          ? t('mobile.location.coords', { lon: value.lon.toFixed(6), lat: value.lat.toFixed(6) })
          : t('mobile.location.none')}
      </div>
      {worker && value && gridName !== undefined && (
        <div className={gridName ? 'm-muted' : 'm-field-error'} data-testid="report-grid">
          {gridName ? t('mobile.location.inGrid', { name: gridName }) : t('mobile.location.outsideGrids')}
        </div>
      )}
      {geoError && (
        <Alert type="warning" showIcon title={geoError} style={{ marginTop: 8 }} data-testid="report-geo-error" />
      )}
      {error && <div className="m-field-error">{error}</div>}
      <Input
        value={address}
        onChange={(e) => onAddress(e.target.value)}
        maxLength={REPORT_LIMITS.addressMax}
        placeholder={t('mobile.location.addressPlaceholder')}
        style={{ marginTop: 10 }}
        data-testid="report-address"
        aria-label={t('mobile.location.address')}
      />
    </div>
  );
}
