// Handing out aid with a weak or no signal. A tap keeps the delivery on the device (IndexedDB) with
// an id made here, then sends what is kept whenever the network is there; a record sent twice is the
// same delivery (the id). A photo taken as proof is shrunk on the phone, kept with its delivery and sent
// after it. Without this script the page still works: each tap is a normal form post.
(() => {
  const root = document.getElementById('field');
  if (!root) {
    return;
  }
  const campaign = root.dataset.campaign;
  const unit = root.dataset.unit;
  const text = (key, ...values) => (root.dataset['t' + key[0].toUpperCase() + key.slice(1)] || key)
      .replace(/\{(\d)\}/g, (_, i) => values[Number(i)] ?? '');
  const csrf = {
    header: document.querySelector('meta[name="_csrf_header"]').content,
    token: document.querySelector('meta[name="_csrf"]').content
  };
  const network = document.getElementById('network');
  const conflicts = document.getElementById('conflicts');
  let sending = false;

  // The device's queue, shared by every page of this campaign and commune.
  const open = () => new Promise((resolve, reject) => {
    const request = indexedDB.open('ansinh-field', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('queue', {keyPath: 'id'});
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const store = async mode => (await open()).transaction('queue', mode).objectStore('queue');
  const asPromise = request => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const queued = async () => (await asPromise((await store('readonly')).getAll()))
      .filter(record => record.campaign === campaign && record.unit === unit);
  // A delivery the service has, whose photo is still to go.
  const photoOnly = record => record.sent === true;
  const keep = async record => asPromise((await store('readwrite')).put(record));
  const forget = async id => asPromise((await store('readwrite')).delete(id));

  const lineOf = entitlementId => document.querySelector('li.household[data-entitlement="' + CSS.escape(entitlementId) + '"]');
  const when = iso => {
    const parts = new Intl.DateTimeFormat('en-GB', {timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit',
      year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false}).formatToParts(new Date(iso));
    const part = type => parts.find(p => p.type === type).value;
    return part('day') + '/' + part('month') + '/' + part('year') + ' ' + part('hour') + ':' + part('minute');
  };

  const markPending = line => {
    line.classList.add('pending');
    line.querySelector('.state').textContent = text('pending');
    const button = line.querySelector('button');
    if (button) {
      button.disabled = true;
    }
  };
  const markServed = (line, by, at) => {
    line.classList.remove('pending');
    line.classList.add('served');
    line.querySelector('.state').textContent = '✓ ' + text('served', by || '', at ? when(at) : '');
    const form = line.querySelector('form');
    if (form) {
      form.remove();
    }
    document.getElementById('served').prepend(line);
  };
  const markWaiting = line => {
    line.classList.remove('pending');
    line.querySelector('.state').textContent = '';
    const button = line.querySelector('button');
    if (button) {
      button.disabled = false;
    }
  };
  const tell = message => {
    const item = document.createElement('p');
    item.textContent = message;
    conflicts.append(item);
    conflicts.hidden = false;
  };

  const showStatus = async () => {
    const waiting = (await queued()).length;
    if (!navigator.onLine) {
      network.textContent = text('offline', waiting);
      network.className = 'network offline';
    } else if (waiting > 0) {
      network.textContent = text(sending ? 'sending' : 'queued', waiting);
      network.className = 'network queued';
    } else {
      network.textContent = text('online');
      network.className = 'network online';
    }
  };

  const send = async () => {
    if (sending || !navigator.onLine) {
      return;
    }
    const records = (await queued()).filter(record => !photoOnly(record));
    if (records.length === 0) {
      await sendPhotos();
      return showStatus();
    }
    sending = true;
    await showStatus();
    try {
      const response = await fetch('/field/' + encodeURIComponent(campaign) + '/deliveries?unit=' + encodeURIComponent(unit), {
        method: 'POST', credentials: 'same-origin', redirect: 'manual',
        headers: {'Content-Type': 'application/json', 'Accept': 'application/json', [csrf.header]: csrf.token},
        body: JSON.stringify(records.map(r => ({id: r.id, entitlementId: r.entitlementId, deliveredAt: r.deliveredAt, proof: r.proof})))
      });
      if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403) {
        network.textContent = text('signin', records.length);
        return;
      }
      if (!response.ok) {
        return; // the service is busy or down: kept, tried again soon
      }
      for (const outcome of await response.json()) {
        const record = records.find(r => r.id === outcome.id);
        const line = lineOf(outcome.entitlementId);
        if ((outcome.status === 200 || outcome.status === 201) && record && record.photo) {
          record.sent = true;
          await keep(record); // the photo goes next
        } else {
          await forget(outcome.id);
        }
        if (outcome.status === 200 || outcome.status === 201) {
          if (line) {
            markServed(line, outcome.deliveredBy, outcome.deliveredAt);
          }
        } else if (outcome.code === 'already-delivered') {
          // Someone else served this household meanwhile: the person is told who and when.
          const name = line ? line.querySelector('.name').textContent : outcome.entitlementId;
          tell(text('conflict', name, outcome.deliveredBy || '?', outcome.deliveredAt ? when(outcome.deliveredAt) : ''));
          if (line) {
            markServed(line, outcome.deliveredBy, outcome.deliveredAt);
          }
        } else {
          const name = line ? line.querySelector('.name').textContent : outcome.entitlementId;
          tell(text('refused', name, outcome.code || outcome.status));
          if (line) {
            markWaiting(line);
          }
        }
      }
      await sendPhotos();
    } catch (unreachable) {
      // No answer (the signal dropped mid-send): everything stays queued.
    } finally {
      sending = false;
      await showStatus();
    }
  };

  // The photos of deliveries the service has: each kept until it is taken, or refused for good (told).
  const sendPhotos = async () => {
    for (const record of (await queued()).filter(photoOnly)) {
      let response;
      try {
        response = await fetch('/field/' + encodeURIComponent(campaign) + '/deliveries/' + encodeURIComponent(record.id) + '/proof', {
          method: 'PUT', credentials: 'same-origin', redirect: 'manual',
          headers: {'Content-Type': record.photo.type || 'image/jpeg', 'Accept': 'application/json', [csrf.header]: csrf.token},
          body: record.photo
        });
      } catch (unreachable) {
        return; // the signal dropped: kept, tried again soon
      }
      if (response.ok) {
        await forget(record.id);
      } else if (response.status >= 400 && response.status < 500 && response.status !== 401 && response.status !== 403) {
        await forget(record.id);
        const line = lineOf(record.entitlementId);
        const answer = await response.json().catch(() => ({}));
        tell(text('photoRefused', line ? line.querySelector('.name').textContent : record.entitlementId, answer.code || response.status));
      } else {
        return; // signed out, or the service is busy: kept
      }
    }
  };

  // A phone's photo (3 to 8 MB) made a JPEG whose longer side is 1600 px: small enough to send on a weak
  // signal and to keep (the service takes at most 2 MiB), still showing who received what.
  const shrink = async file => {
    try {
      const bitmap = await createImageBitmap(file);
      const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return await new Promise(resolve => canvas.toBlob(blob => resolve(blob || file), 'image/jpeg', 0.8));
    } catch (unreadable) {
      return file; // the service says whether it is an image it takes
    }
  };

  document.querySelectorAll('form.deliver').forEach(form => form.addEventListener('submit', async event => {
    event.preventDefault();
    const line = form.closest('li.household');
    const proof = form.querySelector('input[name="proof"]');
    const photo = form.querySelector('input[name="photo"]');
    const deliveredAt = new Date().toISOString();
    await keep({
      id: crypto.randomUUID(), campaign, unit, entitlementId: line.dataset.entitlement, deliveredAt,
      proof: proof && proof.value ? proof.value : null,
      photo: photo && photo.files && photo.files[0] ? await shrink(photo.files[0]) : null
    });
    markPending(line);
    await showStatus();
    send();
  }));

  const plain = value => value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  document.getElementById('find').addEventListener('input', event => {
    const wanted = plain(event.target.value.trim());
    document.querySelectorAll('li.household').forEach(line => {
      line.hidden = wanted !== '' && !plain(line.dataset.search).includes(wanted);
    });
  });

  window.addEventListener('online', () => {
    showStatus();
    send();
  });
  window.addEventListener('offline', showStatus);
  setInterval(send, 15000);

  // What the device kept before this page was (re)loaded is still on its way.
  queued().then(records => {
    records.filter(record => !photoOnly(record)).forEach(record => {
      const line = lineOf(record.entitlementId);
      if (line) {
        markPending(line);
      }
    });
    showStatus();
    send();
  });

  // The page and its assets are kept by a service worker, so the list opens again without a network.
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/field/sw.js', {scope: '/field/'}).then(() => navigator.serviceWorker.ready)
        .then(registration => registration.active && registration.active.postMessage({keep: location.href}))
        .catch(() => {});
  }
})();
