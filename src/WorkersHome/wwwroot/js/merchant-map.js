// Partner-merchant directory: markers coloured by category on a Leaflet map, and "near me" from the phone's location.
(function () {
    const box = document.getElementById('directory-map');
    const colours = { 1: '#d32f2f', 2: '#1976d2', 3: '#388e3c', 4: '#f57c00', 5: '#7b1fa2', 6: '#0097a7', 7: '#5d4037', 9: '#616161' };
    if (box && window.L) {
        const merchants = JSON.parse(box.dataset.merchants || '[]');
        const here = box.dataset.lat && box.dataset.lng ? [Number(box.dataset.lat), Number(box.dataset.lng)] : null;
        const map = L.map(box).setView(here || (merchants.length ? [merchants[0].Latitude, merchants[0].Longitude] : [34.75, 113.62]), 12);
        // Plain text: Leaflet 1.9's default prefix carries a national flag.
        map.attributionControl.setPrefix('Leaflet');
        const tiles = L.tileLayer(box.dataset.tiles, { maxZoom: 19, attribution: box.dataset.attribution }).addTo(map);
        // On an internal network the tile server may be out of reach: say so once; the markers and the list still work.
        const tilesMissing = document.getElementById('directory-map-tiles-missing');
        tiles.on('tileerror', () => tilesMissing && tilesMissing.classList.remove('d-none'));
        tiles.on('tileload', () => tilesMissing && tilesMissing.classList.add('d-none'));
        const markers = merchants.map(m => L.circleMarker([m.Latitude, m.Longitude], {
            radius: 8, color: colours[m.category] || '#616161', fillOpacity: 0.8,
        }).bindPopup(`${m.Name}<br>${m.CategoryLabel}`).addTo(map));
        if (here) {
            L.circleMarker(here, { radius: 6, color: '#000', fillOpacity: 1 }).addTo(map);
        }

        if (markers.length > 1 && !here) {
            map.fitBounds(L.featureGroup(markers).getBounds().pad(0.2));
        }
    }

    const near = document.getElementById('near-me');
    if (near) {
        near.addEventListener('click', () => {
            if (!navigator.geolocation) {
                alert(near.dataset.unavailable);
                return;
            }

            navigator.geolocation.getCurrentPosition(position => {
                document.getElementById('directory-lat').value = position.coords.latitude.toFixed(5);
                document.getElementById('directory-lng').value = position.coords.longitude.toFixed(5);
                document.getElementById('directory-form').submit();
            }, () => alert(near.dataset.unavailable), { timeout: 10000 });
        });
    }
})();
