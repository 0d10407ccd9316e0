// Keeps each lot's table current by reading the public availability API.
async function refresh() {
  for (const section of document.querySelectorAll('section.lot')) {
    const lotId = section.dataset.lotId;
    try {
      const response = await fetch(`/v1/lots/${encodeURIComponent(lotId)}/availability`);
      if (!response.ok) continue;
      const availability = await response.json();
      for (const floor of availability.floors) {
        const row = section.querySelector(`tr[data-floor-id="${CSS.escape(floor.floorId)}"]`);
        if (!row) continue;
        for (const cell of row.querySelectorAll('td[data-type]')) {
          const count = floor.counts[cell.dataset.type];
          cell.textContent = count === undefined ? '–' : count;
        }
      }
      for (const cell of section.querySelectorAll('td[data-total-type]')) {
        const type = cell.dataset.totalType;
        cell.textContent = `${availability.counts[type] ?? 0} / ${availability.capacity[type] ?? 0}`;
      }
      section.dataset.refreshedAt = availability.asOf;
    } catch (e) {
      // the next refresh will try again
    }
  }
}
setInterval(refresh, 5000);
