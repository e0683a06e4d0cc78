package de.amtsweg.platform.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.PdfSigner;
import de.amtsweg.platform.Sha256;
import de.amtsweg.platform.SignatureCheck;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * PAdES baseline B signatures with PDFBox and BouncyCastle: an invisible signature field,
 * saved as an incremental update, holding a detached CMS signature (ETSI.CAdES.detached)
 * whose signed attributes carry the signing certificate (ESS signing-certificate-v2) and
 * no signing-time attribute (PAdES takes the time from the signature dictionary).
 */
@Service
class PadesSigner implements PdfSigner {

	private static final Logger log = LoggerFactory.getLogger(PadesSigner.class);

	/** Room for the CMS signature in the file, in bytes. */
	private static final int SIGNATURE_SIZE = 16384;

	private final SigningKeys keys;

	private final Municipalities municipalities;

	private final Clock clock;

	PadesSigner(SigningKeys keys, Municipalities municipalities, Clock clock) {
		this.keys = keys;
		this.municipalities = municipalities;
		this.clock = clock;
	}

	@Override
	public byte[] sign(byte[] pdf, UUID municipalityId, String reason) {
		Municipality municipality = this.municipalities.get(municipalityId);
		SigningKeys.SigningKey key = this.keys.of(municipality);
		try (PDDocument document = Loader.loadPDF(pdf);
				ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE + 4096);
				SignatureOptions options = new SignatureOptions()) {
			PDSignature signature = new PDSignature();
			signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
			signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
			signature.setName(municipality.name());
			signature.setLocation(municipality.address().city());
			signature.setReason(reason);
			signature.setSignDate(GregorianCalendar.from(this.clock.instant().atZone(ZoneId.of("Europe/Berlin"))));
			options.setPreferredSignatureSize(SIGNATURE_SIZE);
			document.addSignature(signature, options);
			markPrintable(document);
			ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
			external.setSignature(cms(external.getContent(), key));
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not sign a PDF", ex);
		}
	}

	/**
	 * PDF/A wants every annotation, the invisible signature widget too, to be printable.
	 */
	private static void markPrintable(PDDocument document) throws IOException {
		for (PDSignatureField field : document.getSignatureFields()) {
			for (PDAnnotationWidget widget : field.getWidgets()) {
				widget.setPrinted(true);
			}
		}
	}

	private static byte[] cms(InputStream content, SigningKeys.SigningKey key) throws IOException {
		try {
			X509Certificate certificate = key.certificate();
			Attribute signingCertificate = signingCertificateAttribute(certificate);
			CMSAttributeTableGenerator signedAttributes = (parameters) -> {
				ASN1EncodableVector attributes = new ASN1EncodableVector();
				attributes.add(new Attribute(CMSAttributes.contentType,
						new DERSet((ASN1ObjectIdentifier) parameters.get(CMSAttributeTableGenerator.CONTENT_TYPE))));
				attributes.add(new Attribute(CMSAttributes.messageDigest,
						new DERSet(new DEROctetString((byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST)))));
				attributes.add(signingCertificate);
				return new AttributeTable(attributes);
			};
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(
					new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
						.setSignedAttributeGenerator(signedAttributes)
						.build(new JcaContentSignerBuilder(algorithm(key)).build(key.privateKey()), certificate));
			generator.addCertificates(new JcaCertStore(key.chain()));
			CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false);
			return signed.getEncoded("DER");
		}
		catch (GeneralSecurityException | OperatorCreationException | CMSException ex) {
			throw new IllegalStateException("Could not create the CMS signature", ex);
		}
	}

	private static String algorithm(SigningKeys.SigningKey key) {
		return "EC".equals(key.privateKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
	}

	private static Attribute signingCertificateAttribute(X509Certificate certificate) throws GeneralSecurityException {
		byte[] hash = Sha256.of(certificate.getEncoded());
		IssuerSerial issuerSerial = new IssuerSerial(
				new GeneralNames(
						new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
				certificate.getSerialNumber());
		ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash, issuerSerial);
		return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
				new DERSet(new SigningCertificateV2(new ESSCertIDv2[] { id })));
	}

	@Override
	public SignatureCheck verify(byte[] pdf) {
		int[] range;
		byte[] contents;
		Instant signedAt;
		// read everything while the document is open: PDFBox parses objects lazily
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDSignature signature = document.getSignatureDictionaries()
				.stream()
				.filter((candidate) -> candidate.getByteRange().length == 4)
				.max(Comparator.comparingInt((candidate) -> candidate.getByteRange()[2]))
				.orElse(null);
			if (signature == null) {
				return SignatureCheck.unsigned();
			}
			range = signature.getByteRange();
			contents = signature.getContents();
			signedAt = signedAt(signature);
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Not a signed PDF", ex);
			return SignatureCheck.unsigned();
		}
		boolean unchanged = range[0] == 0 && range[1] >= 0 && range[2] > range[1] && range[3] >= 0
				&& (long) range[2] + range[3] == pdf.length && onlyPaddingAfterSignature(contents)
				&& range[2] - range[1] == 2 * contents.length + 2;
		try {
			if ((long) range[2] + range[3] > pdf.length || range[1] > pdf.length) {
				return new SignatureCheck(true, false, false, null, signedAt, null, null);
			}
			byte[] signedContent = new byte[range[1] + range[3]];
			System.arraycopy(pdf, range[0], signedContent, 0, range[1]);
			System.arraycopy(pdf, range[2], signedContent, range[1], range[3]);
			// the CMS structure without the zeros that pad the reserved space
			byte[] structure = java.util.Arrays.copyOf(contents,
					Math.max(0, Math.min(derLength(contents), contents.length)));
			CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), structure);
			SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
			Optional<X509CertificateHolder> holder = cms.getCertificates()
				.getMatches(signer.getSID())
				.stream()
				.findFirst();
			if (holder.isEmpty()) {
				return new SignatureCheck(true, false, unchanged, null, signedAt, null, null);
			}
			boolean intact = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder.get()));
			X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder.get());
			Optional<Municipality> issuer = this.keys.municipalityOf(certificate);
			return new SignatureCheck(true, intact, unchanged, commonName(holder.get().getSubject()), signedAt,
					issuer.map(Municipality::id).orElse(null), issuer.map(Municipality::name).orElse(null));
		}
		catch (GeneralSecurityException | OperatorCreationException | CMSException | RuntimeException ex) {
			log.debug("Signature does not verify", ex);
			return new SignatureCheck(true, false, unchanged, null, signedAt, null, null);
		}
	}

	/**
	 * The signature's hex string is padded with zeros; anything else behind the CMS
	 * structure was written in afterwards.
	 */
	private static boolean onlyPaddingAfterSignature(byte[] contents) {
		int length = derLength(contents);
		if (length < 0 || length > contents.length) {
			return false;
		}
		for (int i = length; i < contents.length; i++) {
			if (contents[i] != 0) {
				return false;
			}
		}
		return true;
	}

	/** Length of the DER structure at the start, -1 when there is none. */
	private static int derLength(byte[] bytes) {
		if (bytes.length < 2 || bytes[0] != 0x30) {
			return -1;
		}
		int first = bytes[1] & 0xff;
		if (first < 0x80) {
			return 2 + first;
		}
		int octets = first & 0x7f;
		if (octets == 0 || octets > 4 || bytes.length < 2 + octets) {
			return -1;
		}
		long length = 0;
		for (int i = 0; i < octets; i++) {
			length = (length << 8) | (bytes[2 + i] & 0xff);
		}
		return (int) Math.min(Integer.MAX_VALUE, 2 + octets + length);
	}

	private static @Nullable Instant signedAt(PDSignature signature) {
		Calendar date = signature.getSignDate();
		return (date != null) ? date.toInstant() : null;
	}

	private static @Nullable String commonName(X500Name subject) {
		var names = subject.getRDNs(BCStyle.CN);
		return (names.length > 0) ? IETFUtils.valueToString(names[0].getFirst().getValue()) : subject.toString();
	}

}
