/** The join page's words, Greek and English; the English set must have every key the Greek one has. */
const el = {
  title: 'Σύνδεση κινητού με το Tavli',
  lead: 'Μία φορά για κάθε κινητό: το κινητό μαθαίνει να εμπιστεύεται τον σταθμό του καταστήματος, ώστε η εφαρμογή να εγκαθίσταται και να ανοίγει και χωρίς σύνδεση.',
  platforms: 'Συσκευή',
  android: 'Android',
  ios: 'iPhone / iPad',
  other: 'Υπολογιστής',
  step: 'Βήμα {n}',
  androidDownload: 'Κατεβάστε το πιστοποιητικό του σταθμού.',
  androidInstall:
    'Ανοίξτε Ρυθμίσεις → Ασφάλεια και απόρρητο → Περισσότερες ρυθμίσεις ασφαλείας → Κρυπτογράφηση και διαπιστευτήρια → Εγκατάσταση πιστοποιητικού → Πιστοποιητικό CA. Πατήστε «Εγκατάσταση ούτως ή άλλως» και επιλέξτε το tavli-ca.crt από τις Λήψεις.',
  androidHint: 'Τα ονόματα διαφέρουν λίγο ανά κατασκευαστή: αναζητήστε «πιστοποιητικό» στις Ρυθμίσεις.',
  iosDownload: 'Κατεβάστε το προφίλ του σταθμού και πατήστε «Να επιτραπεί».',
  iosInstall: 'Ανοίξτε Ρυθμίσεις → Γενικά → VPN και διαχείριση συσκευής → {ca} → Εγκατάσταση.',
  iosTrust: 'Ρυθμίσεις → Γενικά → Πληροφορίες → Ρυθμίσεις εμπιστοσύνης πιστοποιητικών: ενεργοποιήστε την πλήρη εμπιστοσύνη για το «{ca}».',
  otherDownload: 'Σε υπολογιστή: κατεβάστε το πιστοποιητικό και προσθέστε το στις αρχές πιστοποίησης που εμπιστεύεται το σύστημα ή ο περιηγητής.',
  otherScan: 'Σε κινητό: σκανάρετε τον κωδικό με την κάμερα.',
  downloadCertificate: 'Λήψη πιστοποιητικού',
  downloadProfile: 'Λήψη προφίλ',
  checkStep: 'Επιστρέψτε εδώ και πατήστε «Έλεγχος».',
  check: 'Έλεγχος',
  checking: 'Έλεγχος…',
  done: 'Έτοιμο: το κινητό εμπιστεύεται τον σταθμό.',
  notYet: 'Όχι ακόμη: το κινητό δεν εμπιστεύεται ακόμη τον σταθμό. Ελέγξτε ότι κάνατε όλα τα βήματα (στο iPhone και την πλήρη εμπιστοσύνη) και δοκιμάστε ξανά.',
  openWaiter: 'Άνοιγμα της εφαρμογής σερβιτόρων',
  installHint: 'Στην εφαρμογή: μενού του περιηγητή → «Προσθήκη στην αρχική οθόνη».',
  fingerprint: 'Αποτύπωμα πιστοποιητικού (SHA-256)',
  switchLanguage: 'English',
} as const;

const en: Record<keyof typeof el, string> = {
  title: 'Connect this phone to Tavli',
  lead: 'Once per phone: the phone learns to trust this restaurant’s station, so the app installs and opens even with no connection.',
  platforms: 'Device',
  android: 'Android',
  ios: 'iPhone / iPad',
  other: 'Computer',
  step: 'Step {n}',
  androidDownload: 'Download the station’s certificate.',
  androidInstall:
    'Open Settings → Security & privacy → More security settings → Encryption & credentials → Install a certificate → CA certificate. Tap “Install anyway” and pick tavli-ca.crt from Downloads.',
  androidHint: 'The names differ a little between makers: search Settings for “certificate”.',
  iosDownload: 'Download the station’s profile and tap “Allow”.',
  iosInstall: 'Open Settings → General → VPN & Device Management → {ca} → Install.',
  iosTrust: 'Settings → General → About → Certificate Trust Settings: turn on full trust for “{ca}”.',
  otherDownload: 'On a computer: download the certificate and add it to the authorities the system or browser trusts.',
  otherScan: 'On a phone: scan this code with the camera.',
  downloadCertificate: 'Download certificate',
  downloadProfile: 'Download profile',
  checkStep: 'Come back here and tap “Check”.',
  check: 'Check',
  checking: 'Checking…',
  done: 'Done: this phone trusts the station.',
  notYet: 'Not yet: this phone does not trust the station yet. Check that every step is done (on an iPhone, full trust too) and try again.',
  openWaiter: 'Open the waiter app',
  installHint: 'In the app: the browser menu → “Add to Home screen”.',
  fingerprint: 'Certificate fingerprint (SHA-256)',
  switchLanguage: 'Ελληνικά',
};

export const JOIN_MESSAGES = { el, en };
export type JoinLanguage = keyof typeof JOIN_MESSAGES;
export type JoinMessages = Record<keyof typeof el, string>;
