package de.amtsweg.forms;

import java.util.UUID;

/**
 * Collects the fee of a form whose definition says it is paid before the submission
 * counts ({@code local.feePayment = before}). Forms hold such a submission (no
 * {@link FormSubmitted} yet) and ask this for the fee; whoever implements it (the
 * payments module, which depends on forms, not the other way round) calls
 * {@link Submissions#release(UUID)} once the fee is booked.
 */
public interface FeeCollection {

	/**
	 * Claims the held submission's fee, or finds the claim made before for it.
	 * @return the local path where the applicant pays it (with what grants access to it)
	 */
	String claimFee(UUID submissionId);

	/**
	 * The submission was held too long: withdraw its fee.
	 * @return false if the fee was paid meanwhile (then the submission must not expire)
	 */
	boolean withdrawFee(UUID submissionId, String reason);

}
