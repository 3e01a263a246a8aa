/* The map: admin-1 polygons and event circles as SVG, in a plain equirectangular projection.
   No tiles, no library, nothing fetched from outside. Data goes in through attributes and
   textContent only. */
"use strict";

const CeasefireMap = (() => {
  const SVG = "http://www.w3.org/2000/svg";
  const WIDTH = 720;

  function svgEl(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    return node;
  }

  function rings(geometry) {
    if (!geometry) return [];
    if (geometry.type === "Polygon") return geometry.coordinates;
    if (geometry.type === "MultiPolygon") return geometry.coordinates.flat();
    return [];
  }

  /* A projection fitted to the collection's bounds, x scaled by cos(mid latitude). */
  function fit(collection, padding) {
    let west = Infinity, east = -Infinity, south = Infinity, north = -Infinity;
    for (const feature of collection.features) {
      for (const ring of rings(feature.geometry)) {
        for (const [x, y] of ring) {
          west = Math.min(west, x); east = Math.max(east, x);
          south = Math.min(south, y); north = Math.max(north, y);
        }
      }
    }
    const k = Math.cos(((south + north) / 2) * Math.PI / 180);
    const scale = (WIDTH - 2 * padding) / ((east - west) * k);
    const height = Math.round((north - south) * scale + 2 * padding);
    const project = ([x, y]) => [padding + (x - west) * k * scale, padding + (north - y) * scale];
    return { project, height, bounds: { west, east, south, north } };
  }

  function pathData(geometry, project) {
    return rings(geometry).map((ring) =>
      ring.map((point, i) => (i ? "L" : "M") + project(point).map((v) => v.toFixed(1)).join(",")).join("") + "Z"
    ).join("");
  }

  function centroid(geometry, project) {
    const ring = rings(geometry).reduce((a, b) => (b.length > a.length ? b : a), []);
    let x = 0, y = 0;
    for (const point of ring) { const [px, py] = project(point); x += px; y += py; }
    return ring.length ? [x / ring.length, y / ring.length] : [0, 0];
  }

  function radius(fatalities) {
    return 3 + Math.sqrt(Math.max(0, fatalities || 0)) * 1.6;
  }

  /* Area fill: pale grey to pale red with the share of violations counted there. */
  function shade(share) {
    const mix = (a, b) => Math.round(a + (b - a) * Math.min(1, share));
    return `rgb(${mix(228, 244)},${mix(233, 190)},${mix(240, 190)})`;
  }

  /* Draw areas and one circle per event with coordinates; returns the number of marks.
     `weights` (optional): admin1 name -> count, shades each area. */
  function draw(container, collection, events, colourOf, onSelect, weights) {
    const most = Math.max(1, ...Object.values(weights || {}));
    const { project, height } = fit(collection, 14);
    const svg = svgEl("svg", { viewBox: `0 0 ${WIDTH} ${height}`, role: "img", "aria-label": "map of events" });
    const areas = svgEl("g", { class: "areas" });
    const labels = svgEl("g", { class: "labels" });
    for (const feature of collection.features) {
      const props = feature.properties || {};
      const area = svgEl("path", { d: pathData(feature.geometry, project), class: props.admin1 === false ? "area other" : "area" });
      const weight = (weights || {})[props.name] || 0;
      if (weight) area.style.fill = shade(weight / most);
      const title = svgEl("title");
      title.textContent = (props.name || "") + (weights ? ` · ${weight} violation${weight === 1 ? "" : "s"}` : "");
      area.appendChild(title);
      areas.appendChild(area);
      const box = area.getAttribute("d").length;  // rough size: small areas go unlabelled
      if (props.admin1 !== false && box > 400) {
        const [cx, cy] = centroid(feature.geometry, project);
        const label = svgEl("text", { x: cx.toFixed(1), y: cy.toFixed(1), class: "area-label" });
        label.textContent = props.name || "";
        labels.appendChild(label);
      }
    }
    svg.append(areas, labels);
    const marks = svgEl("g", { class: "marks" });
    const placed = events
      .filter((e) => typeof e.latitude === "number" && typeof e.longitude === "number")
      .sort((a, b) => (b.fatalities || 0) - (a.fatalities || 0));
    for (const event of placed) {
      const [x, y] = project([event.longitude, event.latitude]);
      const mark = svgEl("circle", {
        cx: x.toFixed(1), cy: y.toFixed(1), r: radius(event.fatalities).toFixed(1),
        class: "mark", fill: colourOf(event), "data-event-id": event.event_id,
      });
      const title = svgEl("title");
      title.textContent = `${event.event_date || "?"} · ${event.sub_event_type || event.event_type} · ` +
        `${event.location || event.admin1 || ""} · ${event.fatalities ?? "?"} killed`;
      mark.appendChild(title);
      mark.addEventListener("click", () => onSelect(event));
      marks.appendChild(mark);
    }
    svg.appendChild(marks);
    container.replaceChildren(svg);
    return placed.length;
  }

  return { draw, svgEl };
})();
