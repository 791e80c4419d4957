// Map of a region: its approximate land (blue) among its neighbours' (grey), its municipalities (grey) and where the open postings are (blue, sized by count).
// Leaflet is served from /static/vendor/leaflet; tiles are drawn only when a tile URL is configured.
document.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("region-map");
  if (!element || !window.L) {
    return;
  }
  var map = L.map(element, { scrollWheelZoom: false, zoomControl: false });
  L.control.zoom({ zoomInTitle: element.dataset.zoomIn, zoomOutTitle: element.dataset.zoomOut }).addTo(map);
  if (element.dataset.tiles) {
    L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution, maxZoom: 14 }).addTo(map);
  }
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  fetch(element.dataset.url, { headers: { Accept: "application/json" } })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      L.geoJSON(data, {
        filter: function (feature) { return feature.properties.kind === "area"; },
        interactive: false,
        style: function (feature) {
          return feature.properties.own
            ? { stroke: false, fillColor: "#b9d3ec", fillOpacity: 0.9 }
            : { stroke: false, fillColor: "#dde1e6", fillOpacity: 0.9 };
        },
      }).addTo(map);
      var towns = L.geoJSON(data, {
        filter: function (feature) { return feature.properties.kind === "municipality"; },
        pointToLayer: function (feature, latlng) {
          return L.circleMarker(latlng, { radius: 3, color: "#4f5a65", weight: 1, fillOpacity: 0.4 })
            .bindTooltip(feature.properties.name);
        },
      }).addTo(map);
      var postings = L.geoJSON(data, {
        filter: function (feature) { return feature.properties.kind === "postings"; },
        pointToLayer: function (feature, latlng) {
          var count = feature.properties.count;
          return L.circleMarker(latlng, {
            radius: 6 + 3 * Math.sqrt(count), color: "#063a66", weight: 2, fillColor: "#095797", fillOpacity: 0.7,
            className: "posting-marker",
          }).bindPopup(feature.properties.name + " — " + element.dataset.postingsLabel.replace("{count}", count));
        },
      }).addTo(map);
      var bounds = towns.getBounds();
      if (postings.getLayers().length) {
        bounds = bounds.isValid() ? bounds.extend(postings.getBounds()) : postings.getBounds();
      }
      if (bounds.isValid()) {
        map.fitBounds(bounds, { padding: [12, 12] });
      } else {
        map.setView([47.5, -71.5], 5);
      }
      element.dataset.ready = "true";
    });
});
